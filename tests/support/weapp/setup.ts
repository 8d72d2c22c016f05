import { closeViewLayer } from './view-layer';

afterAll(() => closeViewLayer());
