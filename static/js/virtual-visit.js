/* Virtual visit viewer: Pannellum, with hotspots that are real buttons and links.
 * The scenes' texts, hotspots and transcripts stay in the HTML below; this script only
 * adds the 360° view on top, when the visitor asks for it: the viewer (and its panorama,
 * several hundred kilobytes) is loaded by the start button, so a phone that only wants
 * the opening hours spends nothing on it. Configuration: the json_script #visit-config. */
(function () {
  "use strict";

  var section = document.querySelector("[data-visit-viewer]");
  var configNode = document.getElementById("visit-config");
  if (!section || !configNode) return;
  var config = JSON.parse(configNode.textContent);
  var maxTexture = webglMaxTexture();
  if (!config.scenes.length || !maxTexture) {
    section.hidden = true; // no 360° view here: the linear visit below is the visit
    return;
  }

  var strings = section.querySelector("[data-visit-strings]").dataset;
  var status = section.querySelector("[data-visit-status]");
  var titleNode = section.querySelector("[data-visit-scene-title]");
  var panoramaNode = document.getElementById("visit-panorama");
  var poster = section.querySelector("[data-visit-poster]");
  var startButton = section.querySelector("[data-visit-start]");
  var rotateButton = section.querySelector("[data-visit-rotate]");
  var gyroButton = section.querySelector("[data-visit-gyro]");
  var coordsNode = section.querySelector("[data-visit-coords]");
  var scenesById = {};
  var viewer;
  var AUTO_ROTATE = -2; // degrees per second: a slow turn until the visitor acts
  var PHOTO_HAOV = 70; // a flat photo is shown as a small piece of sphere
  var EDGE = 4; // px kept between a hotspot's label and the stage's edge
  var fitting = false; // fitLabels() runs at every frame while the view moves

  if (config.preview) {
    loadViewer(); // the editor's preview shows the viewer at once
  } else {
    startButton.hidden = false;
    startButton.addEventListener("click", function () {
      startButton.disabled = true;
      status.textContent = strings.loading;
      loadViewer();
    });
  }

  function loadViewer() {
    var script = document.createElement("script");
    script.src = section.dataset.viewerScript;
    script.onload = function () {
      // Focus goes where the button was, before the listeners that stop the automatic turn.
      startButton.hidden = true;
      panoramaNode.tabIndex = 0;
      panoramaNode.focus({ preventScroll: true });
      start();
    };
    script.onerror = function () {
      section.hidden = true;
    };
    document.head.appendChild(script);
  }

  function start() {
    // Phones' GPUs refuse textures wider than 4096 px: the large rendition only where it fits.
    var bigScreen = Math.max(screen.width, screen.height) * (window.devicePixelRatio || 1) > 2000;

    section.querySelector("[data-visit-controls]").hidden = false;
    section.querySelector("[data-visit-hint]").hidden = false;

    var scenes = {};
    config.scenes.forEach(function (scene) {
      scenesById[scene.id] = scene;
      var useLarge = bigScreen && scene.image.width <= maxTexture;
      var photo = scene.kind === "photo";
      var haov = photo ? PHOTO_HAOV : 360;
      var vaov = photo ? (PHOTO_HAOV * scene.size[1]) / scene.size[0] : 180;
      scenes[scene.id] = {
        type: "equirectangular",
        panorama: useLarge ? scene.image.large : scene.image.small,
        haov: haov,
        vaov: vaov,
        hfov: photo ? Math.min(PHOTO_HAOV, 100) : 100,
        minYaw: photo ? -haov / 2 : -180,
        maxYaw: photo ? haov / 2 : 180,
        minPitch: photo ? -vaov / 2 : -90,
        maxPitch: photo ? vaov / 2 : 90,
        autoRotate: photo || config.preview ? false : AUTO_ROTATE,
        hotSpots: scene.hotspots.map(function (hotspot) {
          var angles = toAngles(scene, hotspot, haov, vaov);
          return {
            pitch: angles[1],
            yaw: angles[0],
            cssClass: "visit-hs visit-hs--" + hotspot.kind,
            createTooltipFunc: buildHotspot,
            createTooltipArgs: hotspot,
          };
        }),
      };
    });

    viewer = window.pannellum.viewer(panoramaNode, {
      default: {
        firstScene: config.scenes[0].id,
        autoLoad: true,
        showControls: false,
        keyboardZoom: true,
        sceneFadeDuration: 400,
        autoRotateInactivityDelay: -1,
        strings: { loadingLabel: "…" },
      },
      scenes: scenes,
    });
    section.dataset.state = "loading";

    viewer.on("load", function () {
      if (poster) poster.hidden = true;
      section.dataset.state = "ready";
      section.dataset.scene = viewer.getScene();
      // "Loading…" ends when the view shows (the first scene brings no scenechange).
      status.textContent = strings.arrived + " " + scenesById[viewer.getScene()].title;
      if (viewer.isOrientationSupported && viewer.isOrientationSupported()) gyroButton.hidden = false;
    });
    viewer.on("load", fitLabelsWhileMoving);
    viewer.on("animatefinished", function () {
      fitting = false;
      fitLabels();
    });
    window.addEventListener("resize", fitLabels);
    viewer.on("scenechange", function (id) {
      var scene = scenesById[id];
      titleNode.textContent = scene.title;
      panoramaNode.setAttribute("aria-label", scene.title);
      status.textContent = strings.arrived + " " + scene.title;
    });
    viewer.on("error", function () {
      section.dataset.state = "error";
      section.hidden = true; // the linear visit below stays
    });

    // Touching, dragging, a key or a focused control stop the automatic turn.
    ["mousedown", "touchstart", "keydown", "focusin", "wheel"].forEach(function (type) {
      section.addEventListener(type, stopRotation, { passive: true });
      section.addEventListener(type, fitLabelsWhileMoving, { passive: true });
    });

    section.querySelectorAll("[data-visit-turn]").forEach(function (button) {
      button.addEventListener("click", function () {
        viewer.setYaw(viewer.getYaw() + Number(button.dataset.visitTurn), 300);
      });
    });
    rotateButton.addEventListener("click", function () {
      if (rotateButton.getAttribute("aria-pressed") === "true") {
        stopRotation();
      } else {
        viewer.startAutoRotate(AUTO_ROTATE);
        rotateButton.setAttribute("aria-pressed", "true");
      }
    });
    setUpFullscreen();
    gyroButton.addEventListener("click", function () {
      // iOS asks the visitor's permission on this click; elsewhere it starts at once.
      if (gyroButton.getAttribute("aria-pressed") === "true") {
        viewer.stopOrientation();
        gyroButton.setAttribute("aria-pressed", "false");
      } else {
        viewer.startOrientation();
        gyroButton.setAttribute("aria-pressed", "true");
      }
    });

    if (config.preview) showCoordinatesUnderPointer();
  }

  /* Full screen: the stage (panorama and its own exit button) fills the screen, through the
     Fullscreen API where the browser has it for any element, else by CSS alone (an iPhone's
     Safari). Either way the exit button is inside, visible; Escape leaves too. */
  function setUpFullscreen() {
    var stage = section.querySelector("[data-visit-stage]");
    var enterButton = section.querySelector("[data-visit-fullscreen]");
    var exitButton = section.querySelector("[data-visit-exit-fullscreen]");

    function show(on) {
      if (section.classList.contains("visit-viewer--fullscreen") === on) return;
      section.classList.toggle("visit-viewer--fullscreen", on);
      document.documentElement.classList.toggle("visit-fullscreen", on);
      exitButton.hidden = !on;
      viewer.resize();
      (on ? exitButton : enterButton).focus({ preventScroll: true });
    }

    enterButton.addEventListener("click", function () {
      show(true);
      if (stage.requestFullscreen) {
        stage.requestFullscreen().catch(function () {}); // refused: the CSS stays
      }
    });
    function leave() {
      if (document.fullscreenElement) {
        document.exitFullscreen().catch(function () {});
      }
      show(false);
    }
    exitButton.addEventListener("click", leave);
    document.addEventListener("fullscreenchange", function () {
      if (!document.fullscreenElement) show(false);
    });
    section.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && section.classList.contains("visit-viewer--fullscreen")) leave();
    });
  }

  function stopRotation() {
    if (rotateButton.getAttribute("aria-pressed") !== "true") return;
    viewer.stopAutoRotate();
    rotateButton.setAttribute("aria-pressed", "false");
  }

  function fitLabelsWhileMoving() {
    if (fitting) return;
    fitting = true;
    requestAnimationFrame(function step() {
      fitLabels();
      if (fitting) requestAnimationFrame(step);
    });
  }

  // A hotspot's label (and its open text) near the stage's edge is moved sideways to stay
  // whole on a phone; its point stays where it is. One whose point has left the stage is
  // faded out (data-outside) rather than cut, and still reached with Tab.
  function fitLabels() {
    var stage = panoramaNode.getBoundingClientRect();
    var nodes = panoramaNode.querySelectorAll(".visit-hs__control, .visit-hs__text:not([hidden])");
    var moves = Array.prototype.map.call(nodes, function (node) {
      var point = node.parentNode.getBoundingClientRect().left;
      if (node.parentNode.style.visibility !== "visible") return 0; // behind: see the CSS
      if (point < stage.left || point > stage.right) return null;
      var box = node.getBoundingClientRect();
      var current = Number(node.dataset.nudge || 0);
      var left = box.left - current;
      var right = box.right - current;
      var nudge = 0;
      if (right > stage.right - EDGE) nudge = stage.right - EDGE - right;
      if (left + nudge < stage.left + EDGE) nudge = stage.left + EDGE - left; // wider than the stage
      return Math.round(nudge);
    });
    moves.forEach(function (nudge, index) {
      var node = nodes[index];
      node.toggleAttribute("data-outside", nudge === null);
      if (nudge === null || Number(node.dataset.nudge || 0) === nudge) return;
      node.dataset.nudge = nudge;
      node.style.setProperty("--nudge", nudge + "px");
    });
  }

  function buildHotspot(div, hotspot) {
    var control;
    if (hotspot.kind === "page") {
      control = document.createElement("a");
      control.href = hotspot.url;
    } else {
      control = document.createElement("button");
      control.type = "button";
    }
    control.className = "visit-hs__control";
    control.id = "viewer-" + hotspot.id;
    control.textContent = hotspot.label;
    div.appendChild(control);
    div.removeAttribute("title");
    if (hotspot.kind === "scene") {
      control.addEventListener("click", function () {
        viewer.loadScene(hotspot.target);
        panoramaNode.focus({ preventScroll: true });
      });
    } else if (hotspot.kind === "info" && hotspot.text) {
      var panel = document.createElement("p");
      panel.className = "visit-hs__text";
      panel.id = control.id + "-text";
      panel.textContent = hotspot.text;
      panel.hidden = true;
      div.appendChild(panel);
      control.setAttribute("aria-expanded", "false");
      control.setAttribute("aria-controls", panel.id);
      control.addEventListener("click", function () {
        var open = control.getAttribute("aria-expanded") !== "true";
        control.setAttribute("aria-expanded", String(open));
        panel.hidden = !open;
        fitLabels();
      });
    }
    // A hotspot reached with Tab is turned into view, not scrolled into it.
    control.addEventListener("focus", function () {
      var angles = toAngles(scenesById[viewer.getScene()], hotspot);
      viewer.lookAt(angles[1], angles[0], undefined, 300);
      panoramaNode.scrollLeft = panoramaNode.scrollTop = 0;
      var container = panoramaNode.querySelector(".pnlm-render-container");
      if (container) container.scrollLeft = container.scrollTop = 0;
    });
    ["mousedown", "touchstart", "pointerdown"].forEach(function (type) {
      control.addEventListener(type, function (event) {
        event.stopPropagation(); // a tap on a hotspot is not a drag of the panorama
      });
    });
  }

  function toAngles(scene, hotspot, haov, vaov) {
    if (scene.kind !== "photo") return [hotspot.horizontal, hotspot.vertical];
    haov = haov || PHOTO_HAOV;
    vaov = vaov || (PHOTO_HAOV * scene.size[1]) / scene.size[0];
    return [(hotspot.horizontal / 100 - 0.5) * haov, (0.5 - hotspot.vertical / 100) * vaov];
  }

  function fromAngles(scene, pitch, yaw) {
    if (scene.kind !== "photo") return [yaw, pitch];
    var vaov = (PHOTO_HAOV * scene.size[1]) / scene.size[0];
    return [(yaw / PHOTO_HAOV + 0.5) * 100, (0.5 - pitch / vaov) * 100];
  }

  // In Wagtail's preview: the position under the pointer, in the units of the hotspot fields.
  function showCoordinatesUnderPointer() {
    coordsNode.hidden = false;
    panoramaNode.addEventListener("mousemove", function (event) {
      var coords = viewer.mouseEventToCoords(event);
      var values = fromAngles(scenesById[viewer.getScene()], coords[0], coords[1]);
      coordsNode.textContent = strings.coords
        .replace("{h}", values[0].toFixed(1))
        .replace("{v}", values[1].toFixed(1));
    });
  }

  function webglMaxTexture() {
    try {
      var canvas = document.createElement("canvas");
      var gl = canvas.getContext("webgl") || canvas.getContext("experimental-webgl");
      return gl ? gl.getParameter(gl.MAX_TEXTURE_SIZE) : 0;
    } catch (error) {
      return 0;
    }
  }
})();
