/** Test helpers: a fetch recorder that returns recorded responses. */
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface RecordedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function jsonResponse(r: RecordedResponse): Response {
  const body = r.body === undefined ? '' : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
  return new Response(body === '' ? null : body, {
    status: r.status,
    headers: { 'Content-Type': 'application/json; charset=UTF-8', ...(r.headers ?? {}) },
  });
}

/** A `fetch` that records each request and answers from a queue (or a function of the request). */
export function recorder(answers: Array<RecordedResponse | Error> | ((req: RecordedRequest) => RecordedResponse | Error)) {
  const calls: RecordedRequest[] = [];
  const queue = Array.isArray(answers) ? [...answers] : undefined;
  const fetch = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const req: RecordedRequest = {
      url,
      method: init.method ?? 'GET',
      headers: Object.fromEntries([...new Headers(init.headers).entries()].map(([k, v]) => [k.toLowerCase(), v])),
      body: typeof init.body === 'string' ? init.body : init.body == null ? undefined : String(init.body),
    };
    calls.push(req);
    const a = queue ? queue.shift() : (answers as (r: RecordedRequest) => RecordedResponse | Error)(req);
    if (!a) throw new Error('recorder: no more recorded responses');
    if (a instanceof Error) throw a;
    return jsonResponse(a);
  };
  return { fetch, calls };
}

export const noSleep = async (): Promise<void> => {};
