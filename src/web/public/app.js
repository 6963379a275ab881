// Progressive enhancement only: every page works without JavaScript.
import {
  Accordion,
  Button,
  CharacterCount,
  Checkboxes,
  ErrorSummary,
  ExitThisPage,
  FileUpload,
  NotificationBanner,
  PasswordInput,
  Radios,
  ServiceNavigation,
  SkipLink,
  Tabs,
  createAll,
  isSupported,
} from '/assets/govuk-frontend.min.js';

/**
 * GOV.UK Frontend's radios, revealing a choice's conditional questions, without the aria-expanded it
 * puts on each radio that controls one. ARIA 1.2 does not allow aria-expanded on the radio role, so
 * axe fails the page (aria-allowed-attr, critical); GOV.UK keep it as a known issue
 * (alphagov/govuk-frontend#979, w3c/aria#1404). aria-controls stays (a global attribute), and the
 * questions follow their choice in the reading order. Checkboxes keep theirs: ARIA allows it there.
 */
class HearthRadios extends Radios {
  syncConditionalRevealWithInputState($input) {
    super.syncConditionalRevealWithInputState($input);
    $input.removeAttribute('aria-expanded');
  }
}

// initAll's list, with HearthRadios for Radios. (The <body> is given govuk-frontend-supported by the
// GOV.UK template; the conditional questions are hidden only under it, so without JavaScript all show.)
if (isSupported()) {
  for (const Component of [
    Accordion,
    Button,
    CharacterCount,
    Checkboxes,
    ErrorSummary,
    ExitThisPage,
    FileUpload,
    NotificationBanner,
    PasswordInput,
    HearthRadios,
    ServiceNavigation,
    SkipLink,
    Tabs,
  ]) {
    createAll(Component);
  }
}
