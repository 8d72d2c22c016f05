export default definePageConfig({ navigationBarTitleText: '网格 · 楼栋 · 住户' });
