export default definePageConfig({ navigationBarTitleText: '党员与居民' });
