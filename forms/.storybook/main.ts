import type { StorybookConfig } from '@storybook/react-vite';

// Built in CI with `npm run build-storybook -w @yizhan/forms`; the play functions also run in vitest under jsdom
// (test/react/stories.test.tsx), which is how the interaction tests run in CI.
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
