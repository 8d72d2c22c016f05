export default definePageConfig({ navigationBarTitleText: '模拟微信登录' });
