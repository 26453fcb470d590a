// The web app's build: dist/ is what the server serves (server/src/web.ts). The BPMN modeler and
// viewer, the rules editor and the form designer are separate chunks loaded when opened.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      onwarn(warning, warn) {
        // antd marks its modules "use client"; bundling drops the directive harmlessly.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: { '/api': process.env.YIZHAN_API ?? 'http://127.0.0.1:3000' },
  },
});
