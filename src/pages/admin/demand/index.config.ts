export default definePageConfig({ navigationBarTitleText: '民意民盼台账' });
