import { serviceContract } from '../../src/shared/contracts/service';
import { defineFunction } from '../../src/server/functions/define-function';
import { cancelActivitySignUp } from '../../src/server/use-cases/service/cancel-activity-signup';
import { checkInActivity, checkOutActivity } from '../../src/server/use-cases/service/check-in-activity';
import { checkInDuty } from '../../src/server/use-cases/service/check-in-duty';
import { checkOutDuty } from '../../src/server/use-cases/service/check-out-duty';
import { completeActivity } from '../../src/server/use-cases/service/complete-activity';
import { createActivity } from '../../src/server/use-cases/service/create-activity';
import { getActivity } from '../../src/server/use-cases/service/get-activity';
import { getActivityRoster } from '../../src/server/use-cases/service/get-activity-roster';
import { getMyServiceRecord } from '../../src/server/use-cases/service/get-my-service-record';
import { listActivities } from '../../src/server/use-cases/service/list-activities';
import { listOnDuty } from '../../src/server/use-cases/service/list-on-duty';
import { markActivityLeave } from '../../src/server/use-cases/service/mark-activity-leave';
import { signUpActivity } from '../../src/server/use-cases/service/sign-up-activity';

/** Duty at service points and volunteer activities: check-in and check-out on the spot, sign-ups, attendance. */
export const main = defineFunction('service', serviceContract, {
  checkIn: checkInDuty,
  checkOut: checkOutDuty,
  getMyRecord: getMyServiceRecord,
  listOnDuty,
  createActivity,
  listActivities,
  getActivity,
  signUp: signUpActivity,
  cancelSignUp: cancelActivitySignUp,
  checkInActivity,
  checkOutActivity,
  getRoster: getActivityRoster,
  markLeave: markActivityLeave,
  completeActivity,
});
