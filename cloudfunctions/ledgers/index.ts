import { ledgersContract } from '../../src/shared/contracts/ledgers';
import { defineFunction } from '../../src/server/functions/define-function';
import { addProjectProgress } from '../../src/server/use-cases/add-project-progress';
import { completeMilestone } from '../../src/server/use-cases/complete-milestone';
import { createProject } from '../../src/server/use-cases/create-project';
import { getProject } from '../../src/server/use-cases/get-project';
import { listDemand } from '../../src/server/use-cases/list-demand';
import { listProjectOwners } from '../../src/server/use-cases/list-project-owners';
import { listProjects } from '../../src/server/use-cases/list-projects';
import { replySuggestion } from '../../src/server/use-cases/reply-suggestion';
import { supportProject } from '../../src/server/use-cases/support-project';
import { writeOffProject } from '../../src/server/use-cases/write-off-project';

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
  listPublished: listProjects,
  supportProject,
  listOwners: listProjectOwners,
});
