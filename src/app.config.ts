/** 模拟微信登录 exists for the local H5 app only: in WeChat the platform knows who the user is. */
const LOCAL_H5_PAGES = process.env.TARO_ENV === 'h5' ? ['pages/login/index'] : [];

export default defineAppConfig({
  pages: [
    'pages/index/index',
    ...LOCAL_H5_PAGES,
    'pages/request/new/index',
    'pages/request/detail/index',
    'pages/request/mine/index',
    'pages/tasks/index',
    'pages/points/index',
    'pages/inbox/index',
    'pages/join/index',
    'pages/member/apply/index',
    'pages/profile/index',
    'pages/request/quick/index',
  ],
  // Community management is used by few people: keep it out of the main package.
  subPackages: [
    {
      root: 'pages/admin',
      pages: [
        'index/index',
        'applications/index',
        'members/index',
        'structure/index',
        'central/index',
        'shops/index',
        'service-points/index',
        'file-request/index',
        'qr/index',
        'settings/index',
        'district/index',
        'requests/index',
        'dispatch-policy/index',
        'activities/index',
        'activity/index',
        'on-duty/index',
        'points/index',
        'points-rules/index',
        'points-adjust/index',
        'demand/index',
        'projects/index',
        'project/index',
        'stats/index',
        'evaluations/index',
        'deliberations/index',
        'audit/index',
      ],
    },
    {
      root: 'pages/market',
      pages: ['code/index', 'catalog/index', 'orders/index', 'till/index', 'shop-orders/index', 'items/index'],
    },
    {
      root: 'pages/service',
      pages: ['duty/index', 'activities/index', 'activity/index', 'record/index', 'wishes/index'],
    },
    {
      // 晒清单: residents read and support the community's livelihood projects.
      root: 'pages/public',
      pages: ['projects/index', 'project/index', 'deliberations/index', 'deliberation/index'],
    },
    {
      // 我的信息, 隐私保护指引 and 注销: a person's say over what is held about them.
      root: 'pages/account',
      pages: ['data/index', 'privacy/index', 'leave/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '党员代办',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f6f6',
  },
  // Only what the app calls (services/location.ts): WeChat reviews every API declared here.
  requiredPrivateInfos: ['getLocation'],
  // WeChat asks for consent to the privacy guide the first time a private API is used (see PrivacyConsent).
  __usePrivacyCheck__: true,
  permission: {
    'scope.userLocation': { desc: '用于把求助派给附近的党员' },
  },
});
