import type { BrowserContext, Page } from 'playwright-core';

export const FIXTURE_SCRIPT_PREFIX: string;
export const FIXTURE_REGISTRY: Record<string, { url: string; title: string; editor: string }>;
export const DEMO_FIXTURES: string[];
export function fixtureRoutes(names: string[], distDir?: string): Map<string, { file: string; contentType: string }>;
export interface DemoOptions {
  profileDir: string;
  headless?: boolean;
  fixtures?: string[];
  extensionDir?: string;
  distDir?: string;
  locale?: string;
  args?: string[];
  viewport?: { width: number; height: number } | null;
  open?: boolean;
}
export function launchDemo(options: DemoOptions): Promise<{
  context: BrowserContext;
  extensionId: string;
  pages: Record<string, Page>;
  close(): Promise<void>;
}>;
