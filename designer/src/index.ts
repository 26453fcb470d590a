// @yizhan/designer — the web app. Its public face for tests and stories: the pure converters and models.
export { App } from './app/App';
