export default definePageConfig({ navigationBarTitleText: '党员/志愿者报到' });
