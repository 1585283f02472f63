import type { Browser } from 'playwright-core';

export declare const CHROMIUM: string;
export declare function servePage(outDir: string): Promise<{ url: string; close: () => Promise<void> }>;
export declare function launchChromium(): Promise<Browser>;
