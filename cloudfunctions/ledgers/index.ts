import { ledgersContract } from '../../src/shared/contracts/ledgers';
import { defineFunction } from '../../src/server/functions/define-function';
import { addProjectProgress } from '../../src/server/use-cases/ledgers/add-project-progress';
import { completeMilestone } from '../../src/server/use-cases/ledgers/complete-milestone';
import { createProject } from '../../src/server/use-cases/ledgers/create-project';
import { getProject } from '../../src/server/use-cases/ledgers/get-project';
import { listDemand } from '../../src/server/use-cases/ledgers/list-demand';
import { listProjectOwners } from '../../src/server/use-cases/ledgers/list-project-owners';
import { listProjects } from '../../src/server/use-cases/ledgers/list-projects';
import { listPublishedProjects } from '../../src/server/use-cases/ledgers/list-published-projects';
import { publishProject } from '../../src/server/use-cases/ledgers/publish-project';
import { replySuggestion } from '../../src/server/use-cases/ledgers/reply-suggestion';
import { supportProject } from '../../src/server/use-cases/ledgers/support-project';
import { writeOffProject } from '../../src/server/use-cases/ledgers/write-off-project';

/** The community's public ledgers: 民意民盼 (requests and suggestions) and 民生实事 (livelihood projects, published to residents). */
export const main = defineFunction('ledgers', ledgersContract, {
  listDemand,
  replySuggestion,
  createProject,
  listProjects,
  getProject,
  addProgress: addProjectProgress,
  completeMilestone,
  writeOffProject,
  listPublished: listPublishedProjects,
  publishProject,
  supportProject,
  listOwners: listProjectOwners,
});
