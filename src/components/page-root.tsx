import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useCareMode } from '../hooks/use-care-mode';

export interface PageRootProps {
  id?: string;
}

/**
 * The root of every page: the one place 关怀模式 is applied (`.page.care` scales text and tap targets
 * through app.css), so no page can be left out of it.
 */
export function PageRoot({ id, children }: PropsWithChildren<PageRootProps>) {
  const { care } = useCareMode();
  return (
    <View id={id} className={care ? 'page care' : 'page'}>
      {children}
    </View>
  );
}
