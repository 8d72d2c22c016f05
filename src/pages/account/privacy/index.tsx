import { View } from '@tarojs/components';
import { PageRoot } from '../../../components/page-root';
import { CONSENT_KINDS, CONSENT_PURPOSES, PRIVACY_GUIDE, PRIVACY_POLICY_VERSION } from '../../../shared/domain/privacy';

/** 隐私保护指引: the same text as the mini-program's guide in the WeChat console (shared/domain/privacy.ts). */
export default function PrivacyPage() {
  return (
    <PageRoot>
      <View className='title'>党员代办隐私保护指引</View>
      <View className='muted'>版本 {PRIVACY_POLICY_VERSION}</View>
      <View className='card' id='privacy-purposes'>
        <View className='subtitle'>我们会在您使用时询问</View>
        {CONSENT_KINDS.map((kind) => (
          <View key={kind} className='consent-line'>
            <View className='consent-label'>{CONSENT_PURPOSES[kind].label}</View>
            <View>{CONSENT_PURPOSES[kind].purpose}</View>
            <View className='muted'>{CONSENT_PURPOSES[kind].when}</View>
          </View>
        ))}
      </View>
      {PRIVACY_GUIDE.map((section) => (
        <View key={section.title} className='card privacy-section'>
          <View className='subtitle'>{section.title}</View>
          {section.paragraphs.map((paragraph) => (
            <View key={paragraph} className='privacy-paragraph'>
              {paragraph}
            </View>
          ))}
        </View>
      ))}
    </PageRoot>
  );
}
