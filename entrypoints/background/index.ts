import { startBackground } from '../../lib/background/root/service';

export default defineBackground(startBackground);
