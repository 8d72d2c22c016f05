import Taro from '@tarojs/taro';
import type { ActionOf, FunctionName, InputOf, OutputOf } from '../shared/contracts';
import type { Envelope, ErrorBody } from '../shared/errors';
import { getLocalOpenid, isLocalH5 } from './session';

/** An action that answered `{ ok: false }`: code for logic, message (Chinese) for people. */
export class ServiceError extends Error {
  readonly code: ErrorBody['code'];
  readonly issues: ErrorBody['issues'];

  constructor(body: ErrorBody) {
    super(body.message);
    this.code = body.code;
    this.issues = body.issues;
  }
}

const NETWORK_ERROR: ErrorBody = { code: 'INTERNAL', message: '网络不太好，请稍后再试' };

async function send(name: string, payload: { action: string; data: unknown }): Promise<Envelope<unknown>> {
  if (isLocalH5) {
    const openid = getLocalOpenid();
    const response = await Taro.request<Envelope<unknown>>({
      url: `/api/${name}`,
      method: 'POST',
      header: openid ? { 'content-type': 'application/json', 'x-openid': openid } : { 'content-type': 'application/json' },
      data: payload,
    });
    return response.data ?? { ok: false, error: NETWORK_ERROR };
  }
  const result = await Taro.cloud.callFunction({ name, data: payload });
  return result.result as Envelope<unknown>;
}

/** The one switch point between the local host (H5) and CloudBase (weapp). */
export async function callFunction<F extends FunctionName, A extends ActionOf<F>>(name: F, action: A, data: InputOf<F, A>): Promise<OutputOf<F, A>> {
  let envelope: Envelope<unknown>;
  try {
    envelope = await send(name, { action, data });
  } catch {
    throw new ServiceError(NETWORK_ERROR);
  }
  if (!envelope.ok) throw new ServiceError(envelope.error);
  return envelope.data as OutputOf<F, A>;
}

export function messageOf(error: unknown): string {
  return error instanceof ServiceError ? error.message : NETWORK_ERROR.message;
}
