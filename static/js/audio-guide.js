/* Audio guide: the page works without this script (native players, a GET form that leads
 * to ?piste=N, transcripts in <details>). It adds what a handed-out player has:
 * - "Aller à la piste" jumps to a track the page has without reloading (an unknown
 *   number still goes to the server, which says so in the page's language);
 * - a playback speed, the same for every track, remembered for the next visit;
 * - one track at a time: starting one pauses the others;
 * - the lock screen shows the track's title, the guide and its picture (Media Session).
 * Nothing is played or downloaded before the visitor presses play (preload="none"). */
(function () {
  "use strict";

  var guide = document.querySelector("[data-audio-guide]");
  if (!guide) return;
  var players = Array.prototype.slice.call(guide.querySelectorAll("audio"));
  var RATE_KEY = "memhisto.audioGuide.rate";

  // Go to a track -------------------------------------------------------------------------
  var form = guide.querySelector("[data-audio-guide-go]");
  var message = guide.querySelector("[data-audio-guide-message]");
  if (form) {
    form.addEventListener("submit", function (event) {
      var input = form.elements.piste;
      var value = input.value.trim();
      if (!/^[0-9]{1,4}$/.test(value)) return; // the server explains what is wrong
      var track = document.getElementById("piste-" + parseInt(value, 10));
      if (!track) return;
      event.preventDefault();
      if (message) message.hidden = true;
      input.removeAttribute("aria-invalid");
      history.replaceState(null, "", "#" + track.id);
      track.scrollIntoView({ block: "start" });
      track.focus({ preventScroll: true });
    });
  }

  // Playback speed ------------------------------------------------------------------------
  var speed = guide.querySelector("[data-audio-guide-speed]");
  var select = speed && speed.querySelector("select");
  function storedRate() {
    try {
      return window.localStorage.getItem(RATE_KEY);
    } catch (error) {
      return null; // storage refused (private mode): the speed is not remembered
    }
  }
  function applyRate(rate) {
    players.forEach(function (player) {
      player.defaultPlaybackRate = rate;
      player.playbackRate = rate;
    });
  }
  if (select && players.length) {
    var remembered = storedRate();
    if (remembered && select.querySelector('option[value="' + remembered + '"]')) {
      select.value = remembered;
    }
    applyRate(parseFloat(select.value));
    speed.hidden = false;
    select.addEventListener("change", function () {
      applyRate(parseFloat(select.value));
      try {
        window.localStorage.setItem(RATE_KEY, select.value);
      } catch (error) {
        /* not remembered */
      }
    });
  }

  // One track at a time, and the lock screen --------------------------------------------
  var data = guide.dataset;
  function showOnLockScreen(player) {
    if (!("mediaSession" in navigator) || typeof MediaMetadata === "undefined") return;
    var artwork = [];
    if (data.artwork) {
      artwork.push({ src: data.artwork, sizes: data.artworkSize || "", type: "image/jpeg" });
    }
    navigator.mediaSession.metadata = new MediaMetadata({
      title: player.dataset.trackTitle || "",
      artist: data.artist || "",
      album: data.album || "",
      artwork: artwork,
    });
  }
  players.forEach(function (player) {
    player.addEventListener("play", function () {
      players.forEach(function (other) {
        if (other !== player && !other.paused) other.pause();
      });
      if (select) player.playbackRate = parseFloat(select.value);
      showOnLockScreen(player);
    });
  });
})();
