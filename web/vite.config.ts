// Builds the insights page (index.html) and GraphiQL (graphiql/index.html) into the analytics service's wwwroot,
// which is committed so `dotnet build` needs no npm. Relative base: the pages also work behind a path prefix.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The inputs of the build, as paths relative to web/ with '/' (the browser tests hash the same list). */
function sourceFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(here(dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`]);
  return ['package.json', 'package-lock.json', 'vite.config.ts', 'tsconfig.json', 'index.html', 'graphiql/index.html', ...walk('src')]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Writes build-info.json: a SHA-256 over the sources, so a test can tell when web/ changed but wwwroot was not
 * rebuilt. Hash input per file: path, NUL, content, NUL.
 */
function buildInfo(): Plugin {
  return {
    name: 'order-analytics-build-info',
    generateBundle() {
      const hash = createHash('sha256');
      const files = sourceFiles();
      for (const file of files) {
        hash.update(file + '\0');
        hash.update(readFileSync(here(file)));
        hash.update('\0');
      }
      this.emitFile({
        type: 'asset',
        fileName: 'build-info.json',
        source: JSON.stringify({ sourceSha256: hash.digest('hex'), sourceFiles: files.length }, null, 2) + '\n',
      });
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [buildInfo()],
  build: {
    outDir: here('../src/OrderAnalytics.Analytics/wwwroot'),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    // GraphiQL's editor (Monaco) is one large chunk by design.
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: {
        insights: here('index.html'),
        graphiql: here('graphiql/index.html'),
      },
      // GraphiQL's React dependencies carry "use client" directives, meaningless in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  worker: { format: 'es' },
});
