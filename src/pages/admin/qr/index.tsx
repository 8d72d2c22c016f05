import { ErrorText } from '../../../components/error-text';
import { QrImage } from '../../../components/qr-image';
import { useLoader } from '../../../hooks/use-loader';
import { fetchGrids, fetchMe } from '../../../services/community';
import { PageRoot } from '../../../components/page-root';

/** Codes to print and post: residents scan them to join the community (or a grid of it). */
export default function QrPage() {
  const { data, error } = useLoader(async () => ({ me: await fetchMe(), grids: (await fetchGrids()).items }), []);
  return (
    <PageRoot>
      <ErrorText message={error} />
      {data ? <QrImage kind='community' id={data.me.communityId} caption={`${data.me.communityName}（居民扫码加入）`} /> : null}
      {data?.grids.map((grid) => <QrImage key={grid.id} kind='grid' id={grid.id} caption={grid.name} />)}
    </PageRoot>
  );
}
