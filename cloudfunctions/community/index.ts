import { communityContract } from '../../src/shared/contracts/community';
import { defineFunction } from '../../src/server/functions/define-function';
import { getMe } from '../../src/server/use-cases/get-me';
import { listInbox } from '../../src/server/use-cases/list-inbox';
import { markInboxRead } from '../../src/server/use-cases/mark-inbox-read';

export const main = defineFunction('community', communityContract, {
  me: (context) => getMe(context),
  listInbox,
  markInboxRead,
});
