// The deck's only script (the site's Content-Security-Policy allows no inline script).
import Reveal from './vendor/reveal/reveal.mjs';

/**
 * Whether keyboard focus is inside a map on the slide. Inside an iframe the keys never reach
 * this page; inside <patho-map> (focus in its shadow root makes the element itself the active
 * element) the map steps its tour and keeps the keys it used, but a key it leaves alone (an
 * arrow on one of its buttons, Escape) would still bubble up to reveal.js.
 */
function focusInsideMap() {
  const active = document.activeElement;
  return active instanceof Element && (active.closest('patho-map') !== null || active instanceof HTMLIFrameElement);
}

const deck = new Reveal({
  width: 1280,
  height: 720,
  margin: 0.04,
  hash: true,
  transition: 'slide',
  transitionSpeed: 'fast',
  // While the map has focus, every key is the map's: arrows step its tour, not the slides.
  // Click outside the map (or Tab out of it) and the arrows change slides again.
  keyboardCondition: () => !focusInsideMap(),
  // reveal.js blurs an iframe that takes focus just after its slide appears; a presenter who
  // clicks straight into the map means it.
  preventIframeAutoFocus: false,
});

/**
 * Outlines the map that has the keys, so the presenter sees where → goes. CSS alone cannot tell:
 * an iframe does not match :focus-within while focus is inside it, and the page only hears that
 * its window lost focus.
 */
function markMapWithKeys() {
  const active = document.activeElement;
  for (const map of document.querySelectorAll('.map-frame, patho-map')) {
    map.classList.toggle('has-keys', map === active);
  }
}
const markSoon = () => setTimeout(markMapWithKeys);
window.addEventListener('blur', markSoon);
window.addEventListener('focus', markMapWithKeys);
document.addEventListener('focusin', markMapWithKeys);
document.addEventListener('focusout', markSoon);

deck.initialize().then(() => {
  // For the example's browser test and for people poking at the deck from the console.
  window.deck = deck;
});
