import { View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { CatalogPicker, pickedLines, pickedTotal, type Picked } from '../../../components/catalog-picker';
import { ErrorText } from '../../../components/error-text';
import { ReceiptCard } from '../../../components/receipt-card';
import { ScanField } from '../../../components/scan-field';
import { useAction } from '../../../hooks/use-action';
import { confirmPickup, inspectRedeemCode, redeemInStore } from '../../../services/points';
import { newClientToken } from '../../../services/client-token';
import type { OutputOf } from '../../../shared/contracts';
import type { TReceipt } from '../../../shared/contracts/points';
import { PageRoot } from '../../../components/page-root';

type Inspected = OutputOf<'points', 'inspectCode'>;

/** The shop's till: scan the member's code, pick items, confirm; or scan an order's pickup code. */
export default function TillPage() {
  const [code, setCode] = useState('');
  const [inspected, setInspected] = useState<Inspected | null>(null);
  const [picked, setPicked] = useState<Picked>({});
  const [clientToken, setClientToken] = useState(newClientToken);
  const [receipt, setReceipt] = useState<TReceipt | null>(null);
  const [pickupCode, setPickupCode] = useState('');
  const { busy, error, run } = useAction();

  const inspect = () =>
    run(async () => {
      setReceipt(null);
      setInspected(await inspectRedeemCode(code));
      setPicked({});
    });
  const redeem = () =>
    run(async () => {
      setReceipt(await redeemInStore({ clientToken, code, lines: pickedLines(picked) }));
      setInspected(null);
      setCode('');
      setClientToken(newClientToken());
    });
  const pickup = () =>
    run(async () => {
      setReceipt(await confirmPickup(pickupCode));
      setPickupCode('');
    });

  const total = inspected ? pickedTotal(inspected.items, picked) : 0;
  return (
    <PageRoot>
      <ErrorText message={error} />
      {receipt ? <ReceiptCard id='till-receipt' receipt={receipt} /> : null}
      <View className='title'>到店兑换</View>
      <ScanField id='till-code' label='会员兑换码' value={code} onChange={setCode} />
      <BigButton id='till-inspect' disabled={busy || code.trim() === ''} onClick={inspect}>
        查询会员
      </BigButton>
      {inspected ? (
        <View>
          <View className='card' id='till-member'>
            <View className='subtitle'>
              {inspected.memberName} · 可用 {inspected.available} 分
            </View>
            <View className='muted'>{inspected.shop.name}</View>
          </View>
          <CatalogPicker items={inspected.items} picked={picked} onChange={setPicked} />
          <BigButton id='till-confirm' disabled={busy || total === 0} onClick={redeem}>
            {total === 0 ? '请选择商品' : `确认兑换（${total} 分）`}
          </BigButton>
        </View>
      ) : null}
      <View className='title'>线上订单取货</View>
      <ScanField id='pickup-code' label='取货码' value={pickupCode} onChange={setPickupCode} />
      <BigButton id='pickup-confirm' secondary disabled={busy || pickupCode.trim() === ''} onClick={pickup}>
        确认取货
      </BigButton>
    </PageRoot>
  );
}
