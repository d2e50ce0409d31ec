# `sam build` (template.yaml, BuildMethod: makefile) runs this target for the function.
# Installing the package puts intents/, responses.yaml and interaction_model/ inside it
# (skill/data), so the Lambda never reads files from outside the package.
build-SkillFunction:
	python3 -m pip install --no-cache-dir --target "$(ARTIFACTS_DIR)" .
