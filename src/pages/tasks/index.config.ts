export default definePageConfig({ navigationBarTitleText: '党员接单' });
