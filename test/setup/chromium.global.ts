// Makes sure the browser tests have a Chromium before any test file starts: installing
// Debian's package takes minutes on a fresh machine, longer than a test hook may wait
// (and apt-get blocks the process), so it happens here, where no timeout runs.
import { chromiumPath } from '../helpers/chromium.js';

export default function setup() {
  chromiumPath((line) => console.log(line));
}
