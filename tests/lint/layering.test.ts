import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints snippets as if they were files at these places (nothing is written):
// proves the layering rules of eslint.config.js fire where they must, and only there.
const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('renderer layer', () => {
  it.each([
    "import { ipcRenderer } from 'electron';",
    "import Database from 'better-sqlite3';",
    "import { readFileSync } from 'node:fs';",
    "import path from 'path';",
    "import { createHash } from 'crypto';",
    "export { spawn } from 'child_process';",
    "import { openKnowledgeBase } from '../../../electron/core/kb/open';",
    "import { createApiHandlers } from '../../../electron/api/handlers';",
  ])('forbids %s', async (line) => {
    expect(await restrictedImports(`${line}\nexport const x = 1;\n`, 'renderer/src/lib/probe.ts')).toHaveLength(1);
  });

  it('forbids Node and Electron in .vue single-file components too', async () => {
    const sfc = `<script setup lang="ts">\nimport fs from 'node:fs';\nimport { shell } from 'electron';\nconsole.log(fs, shell);\n</script>\n<template><p>x</p></template>\n`;
    expect(await restrictedImports(sfc, 'renderer/src/views/Probe.vue')).toHaveLength(2);
  });

  it('allows the contract, the model, the text helpers and browser libraries', async () => {
    const code = [
      "import type { ApiClient } from '../../../electron/api/contract';",
      "import { formatCitation } from '../../../electron/core/model';",
      "import { fold } from '../../../electron/core/text/normalize';",
      "import { ref } from 'vue';",
      "import { defineStore } from 'pinia';",
      'export const used: unknown[] = [formatCitation, fold, ref, defineStore, {} as ApiClient];',
    ].join('\n');
    expect(await restrictedImports(code, 'renderer/src/lib/probe.ts')).toEqual([]);
  });
});

describe('core and API layers', () => {
  it.each(['electron/core/kb/probe.ts', 'electron/core/search/probe.ts', 'electron/api/probe.ts'])(
    'forbids electron in %s',
    async (file) => {
      expect(await restrictedImports("import { app } from 'electron';\nexport const a = app;\n", file)).toHaveLength(1);
    },
  );

  it.each([
    "import type { SearchHit } from '../../api/contract';",
    "import { createApiHandlers } from '../../api/handlers';",
    "import { ApiValidationError } from '../api/validate';",
  ])('forbids the core to import the API layer: %s', async (line) => {
    expect(await restrictedImports(`${line}\nexport const x = 1;\n`, 'electron/core/search/probe.ts')).toHaveLength(1);
  });

  it('lets the API layer import the core', async () => {
    const code = "import type { SearchHit } from '../core/results';\nexport type X = SearchHit;\n";
    expect(await restrictedImports(code, 'electron/api/probe.ts')).toEqual([]);
  });

  it('lets the core use Node and better-sqlite3', async () => {
    const code = "import Database from 'better-sqlite3';\nimport { readFileSync } from 'node:fs';\nexport const x = [Database, readFileSync];\n";
    expect(await restrictedImports(code, 'electron/core/kb/probe.ts')).toEqual([]);
  });

  it('lets the shell (main, preload, security) import electron', async () => {
    expect(await restrictedImports("import { app } from 'electron';\nexport const a = app;\n", 'electron/main.ts')).toEqual([]);
  });
});
