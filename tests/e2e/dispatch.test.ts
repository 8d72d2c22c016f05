import { expectText } from '../support/browser';
import { useE2e } from '../support/e2e';

jest.setTimeout(120_000);

const e2e = useE2e();
const signIn = e2e.signIn;

test('a grid worker picks a ranked member for a request nobody nearby could take', async () => {
  // Far outside every member's reach: dispatch gives up at once and hands it to the community.
  const response = await fetch(`${e2e.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-openid': 'demo-resident-1' },
    body: JSON.stringify({
      action: 'submit',
      data: { clientToken: 'e2e-manual-1', category: 'repair', description: '老房子电路跳闸，总是断电', address: '幸福里小区 3 栋 2 单元 401', location: { lat: 30.75, lng: 104.08 } },
    }),
  });
  expect(((await response.json()) as { data: { state: string } }).data.state).toBe('needs_manual');

  const worker = await signIn('demo-gridworker-1');
  await worker.locator('#go-admin').click();
  await worker.locator('#admin-requests').click();
  await worker.locator('.request-card').first().click();
  await expectText(worker.locator('#request-state'), '待人工派单');
  await worker.locator('#load-candidates').click();
  await expectText(worker.locator('.candidate-item').first(), '王建国', { contains: true });
  await expectText(worker.locator('.candidate-item').first(), '联系户党员', { contains: true });
  await worker.locator('#assign-u_demo_member_1').click();
  await expectText(worker.locator('#request-state'), '已接单');
  await expectText(worker.locator('#assignee'), '王建国', { contains: true });
});
