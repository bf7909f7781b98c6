/** What the in-page panel and the studio render: the engine's findings, structurally. */
export interface LocalizedText {
  en: string;
  km?: string;
  fr?: string;
}

export interface PanelSource {
  title: string;
  publisher?: string;
  url?: string;
  section?: string;
}

export interface PanelFix {
  label?: LocalizedText | string;
  replacement: string;
  range: { start: number; end: number };
}

export interface PanelFinding {
  key: string;
  ruleId: string;
  severity: 'error' | 'warning' | 'suggestion';
  category: string;
  range: { start: number; end: number };
  match: string;
  message: LocalizedText;
  explanation: LocalizedText;
  sources: PanelSource[];
  fixes: PanelFix[];
}

export interface PanelCounter {
  count: number;
  limit: number;
}
