import { pointsContract } from '../../src/shared/contracts/points';
import { defineFunction } from '../../src/server/functions/define-function';
import { getMyPoints } from '../../src/server/use-cases/get-my-points';

export const main = defineFunction('points', pointsContract, {
  getMine: getMyPoints,
});
