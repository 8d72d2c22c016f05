export default definePageConfig({ navigationBarTitleText: '代办登记' });
