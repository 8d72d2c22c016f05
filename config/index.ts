import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';
import { releaseBuildProblem } from './release';

export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  // A production weapp build (`--mode release`) without the CloudBase environment would ship `env: undefined`.
  const problem = releaseBuildProblem(mode, process.env.TARO_ENV, process.env.TCB_ENV_ID);
  if (problem) throw new Error(problem);
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'dangyuan-daiban',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    // The environment `Taro.cloud.init` targets: an AppID may be linked to several (test, production).
    defineConstants: { CLOUD_ENV_ID: JSON.stringify((process.env.TCB_ENV_ID ?? '').trim()) },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      router: { mode: 'hash' },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
