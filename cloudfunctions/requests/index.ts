import { requestsContract } from '../../src/shared/contracts/requests';
import { defineFunction } from '../../src/server/functions/define-function';
import { acceptTask } from '../../src/server/use-cases/requests/accept-task';
import { assignRequest } from '../../src/server/use-cases/requests/assign-request';
import { escalateRequest } from '../../src/server/use-cases/requests/escalate-request';
import { findSimilarRequests } from '../../src/server/use-cases/requests/find-similar-requests';
import { getDispatchPolicy } from '../../src/server/use-cases/requests/get-dispatch-policy';
import { listCandidates } from '../../src/server/use-cases/requests/list-candidates';
import { listRequestsForStaff } from '../../src/server/use-cases/requests/list-requests-for-staff';
import { recordEscalation } from '../../src/server/use-cases/requests/record-escalation';
import { rejectHeldRequest } from '../../src/server/use-cases/requests/reject-held-request';
import { releaseHeldRequest } from '../../src/server/use-cases/requests/release-held-request';
import { reopenRequest } from '../../src/server/use-cases/requests/reopen-request';
import { updateDispatchPolicy } from '../../src/server/use-cases/requests/update-dispatch-policy';
import { cancelRequest } from '../../src/server/use-cases/requests/cancel-request';
import { completeTask } from '../../src/server/use-cases/requests/complete-task';
import { declineTask } from '../../src/server/use-cases/requests/decline-task';
import { fileRequestOnBehalf } from '../../src/server/use-cases/requests/file-request-on-behalf';
import { getRequest } from '../../src/server/use-cases/requests/get-request';
import { listMyRequests } from '../../src/server/use-cases/requests/list-my-requests';
import { listOffers } from '../../src/server/use-cases/requests/list-offers';
import { listTasks } from '../../src/server/use-cases/requests/list-tasks';
import { rateRequest } from '../../src/server/use-cases/requests/rate-request';
import { submitRequest } from '../../src/server/use-cases/requests/submit-request';
import { claimWish } from '../../src/server/use-cases/requests/claim-wish';
import { listWishes } from '../../src/server/use-cases/requests/list-wishes';

/** 点单 → 派单 → 接单 → 评单, manual dispatch, escalation (吹哨), reopening, and the wish board (微心愿). */
export const main = defineFunction('requests', requestsContract, {
  submit: submitRequest,
  listMine: listMyRequests,
  get: getRequest,
  cancel: cancelRequest,
  rate: rateRequest,
  listOffers: (context) => listOffers(context),
  listTasks,
  accept: acceptTask,
  decline: declineTask,
  complete: completeTask,
  fileOnBehalf: fileRequestOnBehalf,
  findSimilar: findSimilarRequests,
  reopen: reopenRequest,
  listForStaff: listRequestsForStaff,
  listCandidates,
  assign: assignRequest,
  releaseHeld: releaseHeldRequest,
  rejectHeld: rejectHeldRequest,
  escalate: escalateRequest,
  recordEscalation,
  getDispatchPolicy: (context) => getDispatchPolicy(context),
  updateDispatchPolicy,
  listWishes,
  claimWish,
});
