import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from './big-button';
import { TextField } from './text-field';

/** A code from the camera in WeChat, or typed/pasted (the H5 build has no camera scan; also the manual fallback). */
export function ScanField({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (value: string) => void }) {
  const scan = async () => {
    try {
      const result = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      onChange(result.result);
    } catch {
      // Cancelled: keep what was there.
    }
  };
  return (
    <View>
      {process.env.TARO_ENV === 'weapp' ? (
        <BigButton id={`${id}-scan`} onClick={() => void scan()}>
          扫码
        </BigButton>
      ) : null}
      <TextField id={id} label={label} value={value} onChange={onChange} maxlength={200} placeholder='扫码或粘贴对方出示的码' />
    </View>
  );
}
