export default definePageConfig({ navigationBarTitleText: '党员代办' });
