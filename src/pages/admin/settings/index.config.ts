export default definePageConfig({ navigationBarTitleText: '特长与岗位设置' });
