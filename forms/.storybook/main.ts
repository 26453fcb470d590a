import type { StorybookConfig } from '@storybook/react-vite';

// Built in CI with `npm run build-storybook -w @yizhan/forms`; the play functions also run in vitest under jsdom
// (test/react/stories.test.tsx), which is how the interaction tests run in CI.
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    // antd marks its modules "use client"; bundling drops the directive harmlessly, so don't warn about each one.
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      build: {
        chunkSizeWarningLimit: 4096,
        rolldownOptions: {
          onwarn(warning: { code?: string }, warn: (w: { code?: string }) => void) {
            if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
          },
        },
      },
    });
  },
};

export default config;
