# The ecs-deliver job image: Node, the bundled ecs-deliver, and the static docker CLI with buildx to build and
# push through a daemon named by DOCKER_HOST (such as GitLab's docker:dind service).
#
#   docker build -t ecs-deliver .
#   docker run --rm -e AWS_REGION -e AWS_ACCESS_KEY_ID -e AWS_SECRET_ACCESS_KEY ecs-deliver --help
#
# On GitLab the job shell needs the entrypoint reset: image: {name: ..., entrypoint: [""]}; the script is then
# just `ecs-deliver`. It runs as the unprivileged user "node"; with a mounted /var/run/docker.sock, grant that
# user the socket's group, or run the job as root (GitLab: image: {docker: {user: root}}).

FROM docker:27-cli AS docker-cli

FROM node:24-slim
COPY --from=docker-cli /usr/local/bin/docker /usr/local/bin/docker
COPY --from=docker-cli /usr/local/libexec/docker/cli-plugins/docker-buildx /usr/local/libexec/docker/cli-plugins/docker-buildx

WORKDIR /opt/ecs-deliver
# package.json carries "type": "module", which the ESM bundle in dist/ needs.
COPY package.json LICENSE README.md ./
COPY dist/ ./dist/
RUN printf '#!/bin/sh\nexec node /opt/ecs-deliver/dist/index.js "$@"\n' > /usr/local/bin/ecs-deliver \
    && chmod 0755 /usr/local/bin/ecs-deliver

USER node
WORKDIR /home/node
ENV NODE_ENV=production
ENTRYPOINT ["node", "/opt/ecs-deliver/dist/index.js"]
