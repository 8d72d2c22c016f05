import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { noteConsent } from '../services/privacy';
import { uploadPhoto } from '../services/upload';
import { messageOf } from '../services/transport';
import { imageLabel } from './a11y';
import { BigButton } from './big-button';

export interface PickedPhoto {
  /** The stored photo's id, as the server takes it. */
  id: string;
  preview: string;
}

export interface PhotoPickerProps {
  photos: readonly PickedPhoto[];
  onChange: (photos: PickedPhoto[]) => void;
  onBusy: (busy: boolean) => void;
  onError: (message: string | null) => void;
  disabled?: boolean;
  max?: number;
}

/** Shows the chosen photos and adds more: chosen from the album or camera, uploaded at once, up to `max`. */
export function PhotoPicker({ photos, onChange, onBusy, onError, disabled, max = 3 }: PhotoPickerProps) {
  const add = async () => {
    try {
      const chosen = await Taro.chooseImage({ count: max - photos.length, sizeType: ['compressed'] });
      noteConsent('photos');
      onBusy(true);
      const uploaded: PickedPhoto[] = [];
      for (const path of chosen.tempFilePaths.slice(0, max - photos.length)) uploaded.push({ id: await uploadPhoto(path), preview: path });
      onChange([...photos, ...uploaded].slice(0, max));
    } catch (caught) {
      if (caught instanceof Error && /cancel/i.test(caught.message)) return;
      onError(messageOf(caught));
    } finally {
      onBusy(false);
    }
  };
  return (
    <View>
      <View className='row'>
        {photos.map((photo, index) => (
          <Image key={photo.id} className='photo' src={photo.preview} mode='aspectFill' {...imageLabel(`第 ${index + 1} 张照片（点一下去掉）`)} onClick={() => onChange(photos.filter((other) => other.id !== photo.id))} />
        ))}
      </View>
      {photos.length > 0 ? <View className='muted'>点照片可以去掉它</View> : null}
      {photos.length < max ? (
        <BigButton id='add-photo' secondary disabled={disabled} onClick={() => void add()}>
          添加照片
        </BigButton>
      ) : null}
    </View>
  );
}
