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
