export default definePageConfig({ navigationBarTitleText: '社区民生实事' });
