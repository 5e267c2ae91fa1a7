// jianghan: small enhancements shared by every page. Everything here is
// optional: pages read fully without it.
(function () {
  "use strict";
})();
