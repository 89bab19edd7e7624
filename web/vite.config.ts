import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The config is loaded from the repository root (`vite --config web/vite.config.ts`), so the
// web root is resolved from this file's location, not from the working directory.
const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname)

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // React and the router change rarely, so they get a chunk of their own that stays cached
        // across releases. antd is left to automatic splitting: most of it loads with a page.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/healthz': 'http://localhost:3000',
      '/readyz': 'http://localhost:3000',
    },
  },
})
