import type { Preview } from '@storybook/react-vite';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';

const preview: Preview = {
  parameters: { layout: 'padded', controls: { expanded: false } },
  decorators: [(Story) => <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }}><Story /></ConfigProvider>],
};

export default preview;
