/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5';
  }
}

/** The CloudBase environment the mini-program calls, from TCB_ENV_ID at build time ('' → the AppID's default environment). */
declare const CLOUD_ENV_ID: string;
