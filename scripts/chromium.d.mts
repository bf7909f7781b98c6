export function findChromium(): string;
export const QUIET_FLAGS: string[];
