export default definePageConfig({ navigationBarTitleText: '街道总览' });
