export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/login/index',
    'pages/request/new/index',
    'pages/request/detail/index',
    'pages/request/mine/index',
    'pages/tasks/index',
    'pages/points/index',
    'pages/inbox/index',
    'pages/join/index',
    'pages/member/apply/index',
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
      ],
    },
    {
      root: 'pages/service',
      pages: ['duty/index', 'activities/index', 'activity/index', 'record/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '党员代办',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f6f6',
  },
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于把求助派给附近的党员' },
  },
});
