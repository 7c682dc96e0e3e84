import { defineConfig } from 'vite';

// The portal is packaged as a jar whose META-INF/resources the servlet container serves at the
// root of the Bloom server, so the build lands where the Maven jar plugin picks it up.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
  },
  server: {
    // `npm run dev` talks to a locally running Bloom server.
    proxy: { '/api': 'http://localhost:9080' },
  },
});
